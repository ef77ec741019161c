"""Log-in and case review (Qt). ``login_flow`` and ``open_review`` are what the screening app calls."""

from kiosk.ui.review.inactivity import InactivityWatcher
from kiosk.ui.review.login import login_flow
from kiosk.ui.review.window import ReviewWindow, open_review

__all__ = ["InactivityWatcher", "ReviewWindow", "login_flow", "open_review"]
