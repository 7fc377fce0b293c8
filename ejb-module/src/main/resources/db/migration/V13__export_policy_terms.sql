-- An export keeps the rule of the policy that decided on it as it read then (a policy may change or
-- go later): in English (policy), as the log and the API have shown it, and now as its terms, so that
-- the pages and the mails say it in their reader's language. Exports ruled on before have no terms
-- and show the English text.
ALTER TABLE export ADD COLUMN policy_terms VARCHAR(300);
