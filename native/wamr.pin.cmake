# The one place that pins WAMR's source. The native build downloads exactly this npm package
# and refuses to use it unless its SHA-512 matches (the registry's "integrity" field, in hex).
set(WAMR_NPM_PACKAGE "@grain/libiwasm")
set(WAMR_NPM_VERSION "1.1.2")
# npm integrity: sha512-HDqx8x1NC/uHsfbhPw6Y6nSVTn6FjUIlP2qZ+subDFbQ824TFF2T6vL3wfmoiMZmseMHVCa5YmDjqY2YgP+Oag==
set(WAMR_NPM_SHA512 "1c3ab1f31d4d0bfb87b1f6e13f0e98ea74954e7e858d42253f6a99facb9b0c56d0f36e13145d93eaf2f7c1f9a888c666b1e3075426b96260e3a98d9880ff8e6a")
