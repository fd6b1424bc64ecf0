"""Input and result schemas, one module per calculation. Importing a module registers its soort."""
