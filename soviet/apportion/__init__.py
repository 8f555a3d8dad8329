"""apportion."""
