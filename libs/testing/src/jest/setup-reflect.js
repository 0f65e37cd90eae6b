// Loaded before every test file: type-graphql and TypeORM read decorator metadata through reflect-metadata.
require('reflect-metadata');
