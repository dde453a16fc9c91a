"""Small widgets shared by editors: optional dates, errors shown beside their fields."""
