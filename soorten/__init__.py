"""The contract between the engine and its channels: the registry of soorten, the Dutch fields and schemas, and the texts of the explanations."""
