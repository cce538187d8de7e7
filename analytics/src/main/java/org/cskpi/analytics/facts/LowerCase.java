package org.cskpi.analytics.facts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark's {@code lower()} as it is with ICU case mappings on (Spark's default): ASCII text
 * lower-cased by ASCII rules, any other text by ICU, in the root locale (Spark uses the JVM's
 * default one, which differs only for Turkish, Azeri and Lithuanian). The same result, without
 * loading Spark's {@code CollationAwareUTF8String}: when first used, that class builds a table of
 * title-case exceptions by asking ICU about each of the 1,114,112 code points, 2.5 to 4.5 s of
 * CPU in every JVM that lower-cases once (docs/benchmarks.md, "Three cuts found by profiling").
 */
public final class LowerCase {

    private static final UserDefinedFunction LOWER =
            functions.udf((UDF1<String, String>) LowerCase::lower, DataTypes.StringType);

    private LowerCase() {
    }

    /** {@code text} lower-cased; null stays null. */
    public static Column of(Column text) {
        return LOWER.apply(text);
    }

    static String lower(String text) {
        if (text == null) {
            return null;
        }
        return isAscii(text) ? text.toLowerCase(Locale.ROOT) : UCharacter.toLowerCase(ULocale.ROOT, text);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
