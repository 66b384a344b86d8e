"""Indonesia's regions as committed in ``data/``: look-up, hierarchy, neighbours, names, shapes, distances."""
