"""The browser form (Decap CMS): its configuration, its files on the site, its local backend."""
