-- The results report for the authors who asked (issue 6): the comment form
-- now offers comments.notify_author ("tell me about the answer and the
-- report").  When a consultation's 'completed' event is matched, the worker
-- adds one 'report' event per address of such an author (the lowest comment
-- id of that address stands for it), so that an author of three proposals
-- is told once; each is matched like an 'answer' (an outbox row of kind
-- 'answer', unique per event), so a repeated match queues nothing twice.
ALTER TABLE notify_events
	MODIFY kind ENUM('announced', 'opened', 'closing', 'completed',
	    'answer', 'report') NOT NULL;
