package org.cskpi.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void every_page_has_a_footer_linking_the_api_description() {
        String page = Layout.page("Report", Optional.empty(), "", "<p>body</p>");
        assertThat(page).containsPattern("</main><footer[^>]*>.*<a href=\"/api/openapi.json\">[^<]+</a>.*</footer>");
    }
}
