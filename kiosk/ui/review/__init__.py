"""Log-in and case review (Qt). ``login_flow`` and ``open_review`` are what the screening app calls."""

from kiosk.ui.inactivity import InactivityWatcher
from kiosk.ui.review.login import login_flow
from kiosk.ui.review.window import ReviewWindow, open_review
from kiosk.ui.session import StationSession

__all__ = ["InactivityWatcher", "ReviewWindow", "StationSession", "login_flow", "open_review"]
