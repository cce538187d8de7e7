-- cskpi run, the weekly job (docs/commands.md#run).

-- Every inbox file a run has read, by the SHA-256 of its content: a file dropped twice, or
-- under another name, is read once.
CREATE TABLE inbox_files (
    sha256  VARCHAR(64)   PRIMARY KEY,
    name    VARCHAR(1000) NOT NULL,
    kind    VARCHAR(32)   NOT NULL,
    bytes   BIGINT        NOT NULL,
    run_id  BIGINT REFERENCES runs (id),
    read_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

-- The weekly report e-mails the weekly job sent, one per week, so a re-run sends none again.
CREATE TABLE report_sends (
    week       VARCHAR(8)    PRIMARY KEY,
    message_id VARCHAR(998)  NOT NULL,
    recipients VARCHAR(4000) NOT NULL,
    sent_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
