"""Exchange between nodes: node keys and signatures (bundles arrive with the sync issue)."""
