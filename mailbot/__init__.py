"""mailbot: a GDPR rights-request desk for a support@ mailbox."""

__version__ = "0.1.0"
