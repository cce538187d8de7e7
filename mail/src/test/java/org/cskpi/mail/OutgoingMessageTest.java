package org.cskpi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

    @Test
    void a_sender_name_beyond_ascii_is_encoded_for_the_header() throws Exception {
        OutgoingMessage message = new OutgoingMessage("Nordlys Ånd & Co <survey@nordlys.example>");

        assertThat(message.getHeader("From", null)).isEqualTo("=?UTF-8?Q?Nordlys_=C3=85nd_=26_Co?= <survey@nordlys.example>");
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Nordlys Ånd & Co");
        assertThat(from.getAddress()).isEqualTo("survey@nordlys.example");
    }

    @Test
    void the_message_id_is_fixed_when_the_message_is_created() throws Exception {
        OutgoingMessage message = new OutgoingMessage("survey@nordlys.example");
        message.setText("Hello", "UTF-8");
        String id = message.getMessageID();

        assertThat(id).matches("<[0-9a-f-]{36}@nordlys\\.example>");
        assertThat(OutgoingMessage.prepare(message)).isEqualTo(id);
        assertThat(OutgoingMessage.prepare(message)).isEqualTo(id);
        assertThat(message.getSentDate()).isNotNull();
    }

    @Test
    void a_stored_message_read_back_keeps_its_message_id_and_content_when_sent() throws Exception {
        jakarta.mail.internet.MimeMessage composed = TestMessages.hello("kari@example.com");
        String id = composed.getMessageID();

        OutgoingMessage stored = OutgoingMessage.fromStored(OutgoingMessage.toStored(composed));

        assertThat(OutgoingMessage.prepare(stored)).isEqualTo(id);
        assertThat(stored.getMessageID()).isEqualTo(id);
        assertThat(stored.getAllRecipients()).extracting(Object::toString).containsExactly("kari@example.com");
        assertThat(stored.getSubject()).isEqualTo(composed.getSubject());
    }

    @Test
    void a_stored_message_without_a_message_id_is_refused() {
        byte[] bare = "Subject: hi\r\n\r\nHello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OutgoingMessage.fromStored(bare))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the stored message has no Message-ID");
    }

    @Test
    void a_sender_that_is_not_an_address_is_refused() {
        assertThatThrownBy(() -> new OutgoingMessage("survey at nordlys"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an e-mail address: survey at nordlys");
    }

    @Test
    void the_stream_provider_it_names_is_the_one_the_service_loader_finds() {
        new OutgoingMessage("shop@example.com");

        assertThat(System.getProperty(OutgoingMessage.STREAM_PROVIDER))
                .isEqualTo(ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName());
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(System.getProperty(OutgoingMessage.STREAM_PROVIDER));
    }
}
