# bindings/lua/local.mk: the Lua module (require "stratocore"); built when
# Lua headers are found, see configure --disable-lua.
