"""From a query's fingerprints to ranked families and an open-set verdict."""
