package org.cskpi.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLogTest {

    @ParameterizedTest
    @ValueSource(floats = {0f, 0.04f, 0.06f, 0.94f, 0.96f, 1.5f, 9.99f, 12.34f, 999.9f, 12_345.67f})
    void tenths_print_the_log_line_milliseconds_as_percent_point_one_f_would(float millis) {
        assertThat(RequestLog.tenths(millis)).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
    }
}
