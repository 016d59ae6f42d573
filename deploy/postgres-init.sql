-- The registry keeps its schemas in its own database beside the news store.
CREATE DATABASE registry;
