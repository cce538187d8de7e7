package org.cskpi.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Given and family names per survey locale, and the ASCII e-mail local part made from a name. */
final class Names {

    record Pool(List<String> given, List<String> family) {
    }

    static final Map<String, Pool> BY_LOCALE = Map.of(
            "en", new Pool(List.of("Emma", "Oliver", "Grace", "James", "Chloe", "Daniel", "Ruby", "Liam"),
                    List.of("Smith", "O'Brien", "Taylor", "Walker", "Hughes", "Clarke", "Murphy", "Evans")),
            "nb", new Pool(List.of("Kari", "Ola", "Sigrid", "Håkon", "Ingeborg", "Bjørn", "Marte", "Øystein"),
                    List.of("Hansen", "Johansen", "Olsen", "Larsen", "Bråten", "Søreide", "Nilsen", "Dahl")),
            "vi", new Pool(List.of("Anh", "Bảo", "Hương", "Minh", "Thảo", "Tuấn", "Lan", "Đức"),
                    List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")),
            "hr", new Pool(List.of("Ivana", "Marko", "Ana", "Luka", "Petra", "Josip", "Maja", "Tomislav"),
                    List.of("Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Knežević", "Vuković")),
            "lt", new Pool(List.of("Jonas", "Rūta", "Lukas", "Eglė", "Mantas", "Austėja", "Tomas", "Gintarė"),
                    List.of("Kazlauskas", "Petrauskienė", "Jankauskas", "Žukauskas", "Butkus", "Paulauskaitė",
                            "Vasiliauskas", "Šimkus")),
            "th", new Pool(List.of("สมชาย", "สุดารัตน์", "ณัฐพล", "พิมพ์ชนก", "ธนากร", "กมลชนก", "วีรยุทธ", "อรุณี"),
                    List.of("ศรีสุข", "ใจดี", "วงศ์ไทย", "สุขสวัสดิ์", "แสงทอง", "บุญมา", "ทองดี", "รัตนพันธ์")));

    /** {@link #asciiLocalPart} of every pooled name, computed once: it is needed per ticket. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> ASCII =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Names() {
    }

    /**
     * {@code "Åse Lindqvist"} -> {@code "ase.lindqvist"}: diacritics dropped, other non-ASCII
     * letters (Thai) replaced by nothing; an empty result falls back to {@code "customer"}.
     */
    static String asciiLocalPart(String name) {
        return ASCII.computeIfAbsent(name, Names::fold);
    }

    private static String fold(String name) {
        String folded = Normalizer.normalize(name.replace("ø", "o").replace("Ø", "O").replace("đ", "d")
                .replace("Đ", "D").replace("å", "a").replace("Å", "A"), Normalizer.Form.NFD);
        String ascii = folded.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z ]", "").trim().replaceAll(" +", ".");
        return ascii.isEmpty() ? "customer" : ascii;
    }
}
