/// The raw material of the demo: names, people and messages a real service would have.
/// Pure data; `DemoDataset` turns it into records.
enum DemoCatalog {
    /// Toggles as (name, value spelling, releaseNum, fingerprint, override). The first is the
    /// seed record of docs/DATA-MODEL.md, exactly.
    static let toggles: [(String, String, String, String, String?)] = [
        ("useNewAlgorithm", "True", "2.5", "John S", "fb-user"),
        ("checkoutV2", "true", "3.1", "Priya K", nil),
        ("darkMode", "on", "1.12", "Mateo R", nil),
        ("newPricingEngine", "False", "3.0", "Stephanie B", "sso-corp"),
        ("fastSearchIndex", "1", "2.10", "John S,Li W", nil),
        ("recommendationsV3", "yes", "3.2", "Amara O", "google-user,fb-user"),
        ("legacyExport", "0", "1.4", "Greg T", nil),
        ("betaDashboard", "off", "2.9", "Sofia G", "email-user"),
        ("asyncInvoices", "True", "2.7.1", "Li W", nil),
        ("smartRetry", "no", "2.6", "Priya K", nil),
        ("geoRouting", "TRUE", "3.0.2", "Mateo R", "sso-corp"),
        ("cartPersistence", "true", "1.9", "Stephanie B", nil),
        ("pushNotificationsV2", "false", "2.11", "Amara O", "fb-user"),
        ("newOnboarding", "on", "3.3", "Sofia G", "guest"),
        ("paymentTokenization", "1", "2.8", "Greg T", nil),
        ("imageCdnSwitch", "enabled?", "2.4", "Li W", nil),
        ("searchSuggestions", "yes", "1.15", "John S", nil),
        ("loyaltyPoints", "False", "3.4", "Priya K", "google-user"),
        ("fraudScoringV2", "True", "3.5", "Stephanie B,John S", nil),
        ("darkLaunchReviews", "0", "2.3", "Mateo R", nil),
        ("expressShipping", "on", "2.12", "Amara O", "email-user,sso-corp"),
        ("accountDeletionFlow", "off", "1.8", "Sofia G", nil),
        ("multiCurrency", "true", "3.0.1", "Greg T", nil),
        ("giftCards", "no", "2.0", "Li W", nil),
        ("chatSupportWidget", "1", "1.10", "Priya K", "fb-user"),
        ("orderTrackingMap", "True", "2.2", "John S", nil),
        ("wishlistSharing", "false", "2.1", "Stephanie B", nil),
        ("priceDropAlerts", "yes", "3.6", "Mateo R", "guest,email-user"),
        ("newSearchRanking", "False", "3.7", "Amara O", nil),
        ("quickReorder", "on", "1.3", "Sofia G", nil),
        ("ssoEnforcement", "true", "2.13", "Greg T", "sso-corp"),
        ("inventorySync", "0", "2.14", "Li W", nil),
        ("reviewPhotos", "1", "1.16", "Priya K", nil),
        ("subscriptionPause", "maybe", "3.8", "John S", nil),
        ("addressAutocomplete", "yes", "2.15", "Stephanie B", nil),
        ("holidayBanner", "off", "1.2", "Mateo R", nil),
    ]

    static let authTypes = ["fb-user", "google-user", "email-user", "sso-corp", "guest"]

    static let firstNames = [
        "John", "Maria", "Wei", "Aisha", "Lucas", "Yuki", "Olga", "Kwame", "Sara", "Diego",
        "Hana", "Noah", "Fatima", "Ivan", "Chloe", "Ravi", "Elif", "Mohammed", "Zoë", "Björn",
    ]
    static let lastNames = [
        "Smith", "García", "Zhang", "Khan", "Silva", "Tanaka", "Ivanova", "Mensah", "Cohen",
        "Lopez", "Kim", "Müller", "Haddad", "Petrov", "Martin", "Patel", "Yılmaz", "Ali", "Dubois", "Larsen",
    ]

    static let services = ["checkout", "payments", "search", "auth", "inventory", "notifications"]

    /// Log messages per severity, with `%d` / `%s` filled in by the generator.
    static let logMessages: [String: [String]] = [
        "debug": ["cache refresh took %dms", "retrying request id=%d", "loaded %d feature flags", "gc pause %dms"],
        "info": [
            "order %d placed", "user %s signed in", "deployed build %d", "processed %d events",
            "health check ok in %dms",
        ],
        "warning": [
            "slow query %dms on orders", "retry 3/3 for payment gateway", "queue depth %d above soft limit",
            "deprecated API used by client %s",
        ],
        "error": [
            "payment timed out after %dms", "ArrayIndexOutOfBoundsException at Ranker.java:%d",
            "could not reach inventory service (attempt %d)", "invalid session token for %s",
        ],
        "critical": ["database connection pool exhausted (%d waiting)", "disk usage 97% on /var/lib/orders"],
    ]

    /// Exception bodies for error records; the first is the seed's.
    static let exceptions = [
        "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5\n\tat com.shop.ranking.NewAlgorithm.score(NewAlgorithm.java:42)\n\tat com.shop.ranking.Ranker.rank(Ranker.java:17)\n\tat com.shop.Main.main(Main.java:9)",
        "java.lang.NullPointerException: Cannot invoke \"Cart.items()\" because \"cart\" is null\n\tat com.shop.checkout.CheckoutV2.total(CheckoutV2.java:88)\n\tat com.shop.checkout.Handler.handle(Handler.java:31)",
        "java.util.concurrent.TimeoutException: payment gateway did not answer within 3000 ms\n\tat com.shop.payments.Gateway.charge(Gateway.java:120)",
        "java.lang.IllegalStateException: not-loaded pricing table for region eu-west-1\n\tat com.shop.pricing.Engine.price(Engine.java:57)",
        "java.lang.NumberFormatException: For input string: \"12,50\"\n\tat java.lang.Double.parseDouble(Double.java:549)\n\tat com.shop.pricing.Currency.parse(Currency.java:23)",
        "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool\n\tat redis.clients.util.Pool.getResource(Pool.java:53)",
        "java.lang.OutOfMemoryError: Java heap space\n\tat com.shop.search.Index.rebuild(Index.java:210)",
        "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)) at [Source: (String)\"<html>\"; line: 1, column: 2]",
    ]
}
