"""The roster: the units a reviewer supervises, stored per chat, matched
fuzzily to the reports that arrive, and who has not filed."""
