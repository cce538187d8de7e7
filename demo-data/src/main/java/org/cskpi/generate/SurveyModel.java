package org.cskpi.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NPS answers for a share of resolved tickets. The score starts at 8.6 and loses points for a
 * slow first response (more than 1 h, more than 4 h, more than 24 h or none), a long
 * resolution (over 3 days), a reopen, then gets normal noise (sd 1.6), rounded and clamped to
 * 0..10. So fast answers score higher on average (NPS by FRT bucket,
 * docs/kpis.md#nps-breakdowns-and-frt-buckets, has a signal).
 * Comments are in the customer's language and include commas, quotes, newlines.
 */
final class SurveyModel {

    private static final Map<String, List<String>> DETRACTOR = Map.of(
            "en", List.of("Parcel was 9 days late, and nobody answered my e-mails.",
                    "\"Express\" delivery took two weeks. Never again.",
                    "Refund still not on my card,\nthree weeks after I sent it back."),
            "nb", List.of("Pakken kom en uke for sent, og ingen svarte på e-posten min.",
                    "Måtte ringe tre ganger – «vi ringer deg tilbake» skjedde aldri."),
            "vi", List.of("Giao hàng quá chậm, tôi rất thất vọng.", "Hoàn tiền quá lâu, \"sẽ xử lý\" mãi không xong."),
            "hr", List.of("Paket je stigao oštećen, a povrat novca još čekam.", "Nitko se ne javlja,\nloša podrška."),
            "lt", List.of("Siunta vėlavo dvi savaites, niekas neatsakė.", "Grąžinimas užtruko, \"greitai\" nebuvo greitai."),
            "th", List.of("ได้รับสินค้าช้ามาก และไม่มีใครตอบอีเมล", "คืนเงินช้ามาก, รอเป็นเดือน"));
    private static final Map<String, List<String>> PASSIVE = Map.of(
            "en", List.of("OK in the end, but it took a while.", "Fine, though I had to explain it twice."),
            "nb", List.of("Greit nok, men tok litt tid."),
            "vi", List.of("Tạm được, nhưng hơi lâu."),
            "hr", List.of("U redu, ali sporo."),
            "lt", List.of("Normaliai, bet ilgokai."),
            "th", List.of("โอเค แต่ใช้เวลานานไปหน่อย"));
    private static final Map<String, List<String>> PROMOTER = Map.of(
            "en", List.of("Quick, friendly help – thank you!", "Sorted in minutes, great service."),
            "nb", List.of("Veldig fornøyd, rask og hyggelig hjelp!", "Supert, takk for hjelpen."),
            "vi", List.of("Nhân viên hỗ trợ rất nhiệt tình, cảm ơn!"),
            "hr", List.of("Brzo i ljubazno, hvala!"),
            "lt", List.of("Labai greitai išsprendė problemą, ačiū!"),
            "th", List.of("บริการดีมาก ขอบคุณค่ะ"));

    private final double share;
    private final long seed;
    private final long cutoff;

    SurveyModel(double share, long seed, long cutoff) {
        this.share = share;
        this.seed = seed;
        this.cutoff = cutoff;
    }

    /** The ticket's answer, or null (not resolved, not sampled, or answered after the cut-off). */
    SurveyAnswer answer(SimTicket ticket) {
        SimTicket.Facts facts = ticket.facts();
        SplittableRandom rng = Seeds.stream(seed, Seeds.SURVEY, ticket.id());
        if (!facts.isResolved() || rng.nextDouble() >= share) {
            return null;
        }
        long answeredAt = facts.resolvedAt() + 600 + (long) Seeds.logNormal(rng, 3 * 3_600, 1.2);
        if (answeredAt >= cutoff) {
            return null;
        }
        int score = score(facts, rng);
        String locale = ticket.customer().locale();
        String comment = rng.nextDouble() < (score <= 6 ? 0.6 : 0.3) ? comment(locale, score, rng) : null;
        return new SurveyAnswer(ticket.id(), ticket.customer().id(), score, comment, answeredAt, locale);
    }

    static int score(SimTicket.Facts facts, SplittableRandom rng) {
        double mean = 8.6;
        long frt = facts.hasResponse() ? facts.firstResponseAt() - facts.createdAt() : Long.MAX_VALUE;
        if (frt > 86_400) {
            mean -= 3.0;
        } else if (frt > 4 * 3_600) {
            mean -= 1.6;
        } else if (frt > 3_600) {
            mean -= 0.6;
        }
        if (facts.resolvedAt() - facts.createdAt() > 3 * 86_400) {
            mean -= 1.2;
        }
        if (facts.reopens() > 0) {
            mean -= 1.5;
        }
        long rounded = Math.round(mean + 1.6 * rng.nextGaussian());
        return (int) Math.max(0, Math.min(10, rounded));
    }

    private static String comment(String locale, int score, SplittableRandom rng) {
        Map<String, List<String>> pool = score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
        List<String> texts = pool.get(locale);
        return texts.get(rng.nextInt(texts.size()));
    }
}
