// SPDX-License-Identifier: GPL-2.0-or-later
// Umbrella header: #include <ngosearch/ngosearch.hpp> for the whole public API.
#pragma once

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/index/compact.hpp>
#include <ngosearch/document.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/search/hit.hpp>
#include <ngosearch/search/searcher.hpp>
#include <ngosearch/text/language.hpp>
#include <ngosearch/text/normalize.hpp>
#include <ngosearch/text/script.hpp>
#include <ngosearch/text/utf8.hpp>
#include <ngosearch/version.hpp>
