package org.exportaudit.it;

/**
 * An export that runs until a test cancels it: bob's export of the test server's {@code lasting} source
 * (it-sources.json), whose rows come a millisecond apart, so it stays in Processing for minutes while
 * using no CPU, and a cancel stops it at once. Closing cancels it if the test has not, and awaits its end.
 */
final class LastingExport implements AutoCloseable {

    private final Api bob;
    private final long id;
    private final String name;

    private LastingExport(Api bob, long id, String name) {
        this.bob = bob;
        this.id = id;
        this.name = name;
    }

    /** Started as bob, named after the test and the moment, so that no other export has its name. */
    static LastingExport started(String prefix) throws Exception {
        Api bob = Api.as("bob");
        String fileName = prefix + "-" + System.nanoTime();
        long id = Api.json(bob.post("exports", "{\"source\": \"lasting\", \"format\": \"CSV\", \"fileName\": \""
                + fileName + "\"}")).getJsonNumber("id").longValue();
        return new LastingExport(bob, id, fileName + ".csv");
    }

    long id() {
        return id;
    }

    /** Its file's name, as the log shows it. */
    String name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        Api.as("alice").post("exports/" + id + "/cancel", "");
        bob.awaitEnd(id);
    }
}
