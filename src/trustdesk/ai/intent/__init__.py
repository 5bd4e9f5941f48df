"""The intent model: features, model, calibration, training, artefact, registry."""
