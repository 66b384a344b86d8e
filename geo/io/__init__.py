"""GIS files in and out (geopandas/pyogrio): the map layer shown as a file, official boundaries into data/."""
