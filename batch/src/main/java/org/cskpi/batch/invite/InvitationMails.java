package org.cskpi.batch.invite;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.IssueResult;
import org.cskpi.invitation.SurveyContacts;
import org.cskpi.invitation.SurveySends;
import org.cskpi.invitation.TicketRef;
import org.cskpi.mail.OutgoingMessage;
import org.cskpi.mail.survey.SurveyInvitation;
import org.cskpi.mail.survey.SurveyInvitationMail;
import org.jooq.DSLContext;

/**
 * The e-mail that goes with each new invitation (docs/mail.md#sending-invitations): composed to
 * the customer's stored address, in the contact's locale (else the ticket's; English when
 * neither is a survey language), with the invitation's score and unsubscribe links, and stored
 * {@code pending} in the transaction that issues the invitation, the only moment its token
 * exists. A ticket whose customer has no usable address in {@code survey_contacts} is not
 * invited ({@link IssueResult.Outcome#NO_ADDRESS}), so it can be once an address arrives.
 */
public final class InvitationMails implements Invitations.Companion {

    private final SurveyInvitationMail mail;
    private final SurveySends sends;

    public InvitationMails(SurveyInvitationMail mail, SurveySends sends) {
        this.mail = mail;
        this.sends = sends;
    }

    @Override
    public Optional<IssueResult.Outcome> refusal(DSLContext tx, TicketRef ticket) {
        Optional<SurveyContacts.Contact> contact = SurveyContacts.find(tx, ticket.customerId());
        return contact.isPresent() && usable(contact.get().email())
                ? Optional.empty() : Optional.of(IssueResult.Outcome.NO_ADDRESS);
    }

    @Override
    public void store(DSLContext tx, IssueResult.Issued issued) {
        SurveyContacts.Contact contact = SurveyContacts.find(tx, issued.invitation().customerId()).orElseThrow();
        String locale = contact.locale() != null ? contact.locale() : issued.invitation().locale();
        MimeMessage message = mail.compose(new SurveyInvitation(contact.email(), locale, issued.links().oneTap(),
                issued.links().unsubscribe()));
        try {
            sends.storePending(tx, issued.invitation().id(), message.getMessageID(), OutgoingMessage.toStored(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("reading the Message-ID of a composed message", e);
        }
    }

    /** Whether Jakarta Mail takes the address as one recipient (RFC 822 syntax, one address). */
    private static boolean usable(String email) {
        try {
            new InternetAddress(email, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
