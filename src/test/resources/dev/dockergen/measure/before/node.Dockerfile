# A naive single-stage Node image, as many projects start: the whole tree copied before the install,
# development dependencies included, the full toolchain image shipped, root as the user.
FROM node:22
WORKDIR /app
COPY . .
RUN npm install
EXPOSE 3000
CMD ["node", "server.js"]
