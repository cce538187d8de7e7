package org.cskpi.generate;

import java.util.SplittableRandom;

/**
 * Customer profiles as a pure function of the seed and the customer number, so a returning
 * customer needs no stored state: name, e-mail, language and the help desks' user id.
 */
final class Customers {

    /** Survey locales and their shares among customers. */
    static final String[] LOCALES = {"en", "nb", "vi", "hr", "lt", "th"};
    private static final double[] LOCALE_WEIGHTS = {0.40, 0.25, 0.09, 0.09, 0.09, 0.08};
    private static final String[] ZENDESK_LOCALES = {"en-US", "nb", "vi", "hr", "lt", "th"};
    private static final String[] IANA_ZONES = {"Europe/London", "Europe/Oslo", "Asia/Ho_Chi_Minh",
        "Europe/Zagreb", "Europe/Vilnius", "Asia/Bangkok"};
    private static final String[] ZENDESK_ZONES = {"London", "Copenhagen", "Hanoi", "Zagreb", "Vilnius", "Bangkok"};
    private static final String[] MAIL_DOMAINS = {"example.com", "example.net", "example.org"};

    /** Customer number n (from 1) has user id FIRST_ID + n; agents are below it. */
    static final long FIRST_ID = 372_000_000_000L;

    record Customer(long id, String name, String email, String locale, String zendeskLocale,
                    String zendeskTimeZone, String ianaTimeZone) {
    }

    private final long seed;

    Customers(long seed) {
        this.seed = seed;
    }

    Customer profile(long number) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.CUSTOMER, number);
        int locale = Seeds.pick(rng, LOCALE_WEIGHTS);
        Names.Pool pool = Names.BY_LOCALE.get(LOCALES[locale]);
        String given = pool.given().get(rng.nextInt(pool.given().size()));
        String family = pool.family().get(rng.nextInt(pool.family().size()));
        String name = LOCALES[locale].equals("vi") ? family + " " + given : given + " " + family;
        String local = Names.asciiLocalPart(name);
        String email = local + "." + number + "@" + MAIL_DOMAINS[(int) (number % MAIL_DOMAINS.length)];
        return new Customer(FIRST_ID + number, name, email, LOCALES[locale], ZENDESK_LOCALES[locale],
                ZENDESK_ZONES[locale], IANA_ZONES[locale]);
    }
}
