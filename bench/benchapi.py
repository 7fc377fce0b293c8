"""What every bench script needs of the running server: tokens from the demo realm's Keycloak, and
REST calls that stop the bench with the call and its answer when the status is not the expected one.
Python's standard library only."""
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

KEYCLOAK = "http://127.0.0.1:8180/realms/export-audit/protocol/openid-connect/token"


def token(user):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "export-audit-cli",
                                   "username": user, "password": user}).encode()
    with urllib.request.urlopen(urllib.request.Request(KEYCLOAK, data=form)) as answer:
        return json.load(answer)["access_token"]


class Api:
    """One user's calls; tokens live 5 minutes, so each measured step asks for a fresh one."""

    def __init__(self, app, user):
        self.app, self.user = app.rstrip("/") + "/", user
        self.refresh()

    def refresh(self):
        self.bearer = token(self.user)

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.app + path, data=data, method=method, headers={
            "Authorization": "Bearer " + self.bearer, "Accept": "application/json",
            "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as answer:
                text = answer.read()
                return answer.status, json.loads(text) if text else None
        except urllib.error.HTTPError as refused:
            text = refused.read()
            return refused.code, json.loads(text) if text else None

    def expect(self, status, method, path, body=None):
        got, answer = self.call(method, path, body)
        if got != status:
            sys.exit(f"{method} {path} as {self.user}: {got} {answer} (expected {status})")
        return answer


def await_status(api, export_id, wanted, seconds=120, every=0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        export = api.expect(200, "GET", f"exports/{export_id}")
        if export["status"] in wanted:
            return export
        time.sleep(every)
    sys.exit(f"export {export_id} never reached {wanted} within {seconds} s")
