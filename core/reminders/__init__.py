"""Deadline reminders: subscriptions and sent reminders in the database, and
the pure logic of which reminder is due when."""
