"""The mail edges: parsing, composing, IMAP and SMTP."""
