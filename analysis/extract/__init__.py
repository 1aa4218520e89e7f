"""The extraction pipeline, one module per stage, in the order an article goes through them.

articles (read inputs) -> sentences -> numbers -> measures (what a number counts) -> actors (whose) ->
attribution (who says so) -> places and dates (found in the text) -> linking (each figure tied to its
claimant, place and date) -> pipeline (one article's rows). Nothing here draws: this package never
imports matplotlib, geopandas or :mod:`analysis.views`.
"""
