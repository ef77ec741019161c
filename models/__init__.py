"""The contract shared by training and the kiosk: taxonomy, architectures, preprocessing, bundles,
prediction, explanation and the decision rule. Imports neither Qt nor ``training``."""
