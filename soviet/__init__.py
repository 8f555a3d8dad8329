"""soviet."""
