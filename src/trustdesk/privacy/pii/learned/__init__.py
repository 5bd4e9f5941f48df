"""The learned part of the detector: a CRF that tags person names and street addresses.

    trustdesk privacy train --out DIR     # generate the corpus, train, write the artefact
    LearnedRecognizer.load(DIR)           # what PiiDetector uses (the bundled one by default)

Trained locally on a generated corpus (corpus.py, fixed seed), with word features from
compact name, place and street lexicons (lexicon.py); no weights are downloaded.
"""
