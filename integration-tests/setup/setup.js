// Each test file loads its own MikroORM entities; clear the global metadata
// left by the previous file (as Medusa's own test setup does).
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
