"""Pure classification of inbound mail: ``classify(message) -> Classification``."""

from mailbot.classify.classifier import classify, warm_up
from mailbot.classify.labels import Classification

__all__ = ["Classification", "classify", "warm_up"]
