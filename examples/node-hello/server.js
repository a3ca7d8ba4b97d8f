const express = require("express");

const app = express();
app.get("/healthz", (req, res) => res.send("ok"));
app.get("/", (req, res) => res.send(`hello, ${req.query.name || "world"}\n`));

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`listening on ${port}`));
