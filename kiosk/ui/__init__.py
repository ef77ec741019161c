"""The kiosk's Qt windows (screening here; case review in ``kiosk.ui.review``)."""
