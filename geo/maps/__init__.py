"""Maps: one view object (what is on screen), class breaks and colours, the web map, the print map."""
