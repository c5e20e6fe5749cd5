"""B2B meeting scheduling: assign meetings to (slot, table) pairs."""
