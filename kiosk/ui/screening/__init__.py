"""The screening window's parts (kiosk/ui/screening_window.py puts them together and kiosk/station.py decides
what they show): the officer's column, the result column and the status bar."""
