"""Views of a figures table: maps, plots and the notebook display. Everything that draws lives here."""
