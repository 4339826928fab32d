"""Staff working tickets through the mailbox: reply commands and proof of staff authority."""
