-- cskpi sends the survey itself (docs/mail.md#contacts).

-- Customers' addresses, apart from the warehouse, which keeps only pseudonyms. Ingest writes a
-- row for each customer seen in an export while survey.send is on; a row not seen for
-- survey.contact_retention_days is deleted. customer_id is the warehouse's pseudonym.
CREATE TABLE survey_contacts (
    customer_id  VARCHAR(255) PRIMARY KEY,
    email        VARCHAR(320) NOT NULL,
    locale       VARCHAR(35),
    last_seen_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX survey_contacts_by_last_seen ON survey_contacts (last_seen_at);

-- The send state of each invitation e-mail: a transactional outbox. The message is composed
-- and stored as 'pending' in the transaction that issues the invitation (the link token exists
-- only then), sent, and marked 'sent' with its Message-ID or 'failed' with the server's reply;
-- the stored message is cleared once it is no longer pending. A run killed mid-batch leaves
-- 'pending' rows that the next run sends with the same Message-ID.
CREATE TABLE survey_sends (
    invitation_id BIGINT PRIMARY KEY REFERENCES survey_invitations (id) ON DELETE CASCADE,
    state         VARCHAR(16)   NOT NULL,
    message_id    VARCHAR(998)  NOT NULL,
    message       BLOB,
    attempts      INT           NOT NULL DEFAULT 0,
    reply         VARCHAR(1000),
    updated_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT survey_sends_state CHECK (state IN ('pending', 'sent', 'failed'))
);
CREATE INDEX survey_sends_by_state ON survey_sends (state);

-- Customers who asked for no more surveys (one-click unsubscribe, RFC 8058). Only the
-- pseudonym is kept, so the customer is never invited again after the address is deleted.
CREATE TABLE survey_unsubscribes (
    customer_id     VARCHAR(255) PRIMARY KEY,
    unsubscribed_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    invitation_id   BIGINT REFERENCES survey_invitations (id) ON DELETE SET NULL
);
