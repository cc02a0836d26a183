"""PostgreSQL: append audit events to the chain in one statement, `reviewflow_audit_append(...)`.

The function locks the chain head, links each event to the one before it (SHA-256 over the canonical bytes that
reviewflow.audit.audit_records hands it, split around the two values only the head knows: the previous hash and
the sequence number), inserts the events and advances the head. One round trip instead of three, and the head is
locked from that statement to the commit only. SQLite keeps doing the same steps from Python.
"""

from django.db import migrations

PG_APPEND = r"""
CREATE OR REPLACE FUNCTION reviewflow_audit_append(
    p_draft bigint[], p_actor bigint[], p_event text[], p_version bigint[], p_content_hash text[], p_data text[],
    p_created timestamptz[], p_before text[], p_after text[]
) RETURNS TABLE (event_id bigint, event_seq bigint, event_prev text, event_hash text) LANGUAGE plpgsql AS $$
DECLARE
    v_seq bigint;
    v_hash text;
BEGIN
    SELECT last_seq, last_hash INTO v_seq, v_hash FROM reviewflow_auditchain WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN  -- first use, or after a test flush
        INSERT INTO reviewflow_auditchain (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))
            ON CONFLICT (id) DO NOTHING;
        SELECT last_seq, last_hash INTO v_seq, v_hash FROM reviewflow_auditchain WHERE id = 1 FOR UPDATE;
    END IF;
    FOR i IN 1 .. coalesce(array_length(p_event, 1), 0) LOOP
        event_seq := v_seq + 1;
        event_prev := v_hash;
        event_hash := encode(sha256(convert_to(
            p_before[i] || '"prev":"' || v_hash || '","seq":' || event_seq::text || ',' || p_after[i], 'UTF8'
        )), 'hex');
        INSERT INTO reviewflow_auditevent
            (draft_id, actor_id, event, version, content_hash, data, created_at, seq, prev_hash, hash)
        VALUES (p_draft[i], p_actor[i], p_event[i], p_version[i], p_content_hash[i], p_data[i]::jsonb, p_created[i],
                event_seq, v_hash, event_hash)
        RETURNING id INTO event_id;
        v_seq := event_seq;
        v_hash := event_hash;
        RETURN NEXT;
    END LOOP;
    UPDATE reviewflow_auditchain SET last_seq = v_seq, last_hash = v_hash WHERE id = 1;
END $$;
"""
PG_APPEND_REVERSE = """
DROP FUNCTION IF EXISTS reviewflow_audit_append(
    bigint[], bigint[], text[], bigint[], text[], text[], timestamptz[], text[], text[]);
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_APPEND, params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_APPEND_REVERSE, params=None)


class Migration(migrations.Migration):
    dependencies = [("reviewflow", "0017_notification_email_outbox")]

    operations = [migrations.RunPython(install, remove)]
