"""The batch: many cases from a CSV or .xlsx file at once (batch.verwerking, batch.xlsx) and the caseload comparison (batch.bestandsvergelijking), below the api and web channels."""
